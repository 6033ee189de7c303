"""Every use of spaCy's private API, in one place.

The project reaches into spaCy where spaCy offers no public way to do what it needs. Each such use
is one function (or one base class) here, with the reason in its docstring; nothing else in the
package touches a spaCy attribute that starts with an underscore (the `._.` extension namespace is
public). tests/test_spacy_internals.py names every private attribute used below and checks that
it exists with the signature and behaviour relied on, so a spaCy upgrade that changes one fails
there, loudly, instead of changing rows silently.

Checked against spaCy 3.8 (pyproject pins spacy>=3.8,<3.9).
"""
from __future__ import annotations

from typing import Any, Iterator

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

#: Every private spaCy attribute this module relies on: (owner, attribute). The test checks each.
PRIVATE_ATTRIBUTES = (
    (Language, "_link_components"),
    (EntityRuler, "_create_label"),
    (EntityRuler, "_require_patterns"),
    (DependencyMatcher, "_get_keys_to_position_maps"),
    (DependencyMatcher, "_patterns"),
    (DependencyMatcher, "_tokens_to_key"),
)
#: Where spaCy's Underscore keeps a token extension's value set on a token (no getter, no method):
#: `doc.user_data[(EXTENSION_KEY_PREFIX, name, token.idx, None)]`.
EXTENSION_KEY_PREFIX = "._."


def link_components(nlp: Language) -> None:
    """Connect listeners (tagger, parser, ner) to the tok2vec they listen to.

    A pipeline assembled from a config with sourced components must be linked before the other
    components are initialized with the sourced ones disabled; `Language.initialize` links only
    the enabled ones. spaCy's own `spacy assemble` (spacy/cli/assemble.py) calls
    `nlp._link_components()` at the same point; there is no public equivalent."""
    nlp._link_components()


def entity_ruler_key(ruler: EntityRuler, label: str, ent_id: Any) -> str:
    """The match key an EntityRuler gives a pattern with an `id` ("ORG||org_named_body"), so a
    subclass can rank patterns by that key the way the ruler's matchers name them. The recipe is
    EntityRuler._create_label (it depends on `ent_id_sep`); reusing it keeps the two equal."""
    return ruler._create_label(label, ent_id)


def require_patterns(ruler: EntityRuler) -> None:
    """Warn (W036) when the ruler has no patterns, as EntityRuler.match does first: a subclass
    that replaces `match` keeps spaCy's warning."""
    ruler._require_patterns()


def token_extension_values(doc: Doc, name: str) -> Iterator[tuple[int, Any]]:
    """(token.idx, value) of every token on which extension `name` was set (an extension with a
    default and neither getter nor method). spaCy's Underscore stores those values in
    `doc.user_data` under ("._.", name, token.idx, None); reading the few entries set is much
    cheaper than asking every token through `token._`. The key layout is spaCy's, not public."""
    for key, value in doc.user_data.items():
        if isinstance(key, tuple) and len(key) == 4 and key[0] == EXTENSION_KEY_PREFIX and key[1] == name \
                and key[3] is None:
            yield key[2], value


class NodeSearchDependencyMatcher(DependencyMatcher):
    """spaCy's DependencyMatcher with a replaceable first step.

    DependencyMatcher.__call__ first finds, for every node of every pattern, the tokens that match
    it, grouped by their root (`_get_keys_to_position_maps`: root -> token-matcher key -> token
    indices), then searches the tree. A subclass returns that same map from `find_nodes(doc)`, or
    None to keep spaCy's way; the tree search stays spaCy's. spaCy has no public hook for this."""

    def _get_keys_to_position_maps(self, doc):
        found = self.find_nodes(doc)
        return super()._get_keys_to_position_maps(doc) if found is None else found

    def find_nodes(self, doc: Doc):
        return None

    def node_specs(self) -> Iterator[tuple[int, int, int, dict, int]]:
        """(pattern key as a string id, pattern number, node number, the node's RIGHT_ATTRS, the key of the node's
        token pattern in `_get_keys_to_position_maps`) for every node of every pattern added.
        DependencyMatcher keeps them in `_patterns[key][pattern][node] == [RIGHT_ATTRS]` and
        `_tokens_to_key[key][pattern][node]`."""
        for key, patterns in self._patterns.items():
            for i, pattern in enumerate(patterns):
                for j, (spec,) in enumerate(pattern):
                    yield key, i, j, spec, self._tokens_to_key[key][i][j]
