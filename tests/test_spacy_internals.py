"""The private spaCy API the project relies on, named and checked one by one, so a spaCy upgrade
that renames, re-signs or changes one of them fails here (pipeline/nlp/spacy_internals.py)."""
import inspect
import re
import warnings
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.tokens import Doc, Token

import pipeline.nlp.components  # noqa: F401  (registers factories)
from pipeline.nlp import spacy_internals
from pipeline.nlp.spacy_internals import (
    PRIVATE_ATTRIBUTES, NodeSearchDependencyMatcher, entity_ruler_key, link_components, require_patterns,
    token_extension_values)

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

#: The private attributes relied on, with the parameters each must take (None: a data attribute).
EXPECTED = {
    (Language, "_link_components"): ["self"],
    (EntityRuler, "_create_label"): ["self", "label", "ent_id"],
    (EntityRuler, "_require_patterns"): ["self"],
    (DependencyMatcher, "_get_keys_to_position_maps"): ["self", "doc"],
    (DependencyMatcher, "_patterns"): None,
    (DependencyMatcher, "_tokens_to_key"): None,
}


def test_the_list_of_private_attributes_is_the_one_checked_here():
    assert set(PRIVATE_ATTRIBUTES) == set(EXPECTED)


@pytest.mark.parametrize("owner, name", list(EXPECTED), ids=[f"{o.__name__}.{n}" for o, n in EXPECTED])
def test_private_attribute_exists_with_its_signature(owner, name):
    assert hasattr(owner, name), f"spaCy {spacy.__version__}: {owner.__name__}.{name} is gone"
    params = EXPECTED[(owner, name)]
    if params is not None:
        assert list(inspect.signature(getattr(owner, name)).parameters) == params


def test_no_module_but_spacy_internals_names_a_private_spacy_attribute():
    names = {name for _, name in PRIVATE_ATTRIBUTES}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "spacy_internals.py":
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(PACKAGE)}: {name}" for name in names
                      if re.search(rf"\b{name}\b", text)]
    assert not offenders


def test_every_private_attribute_used_outside_spacy_internals_is_the_projects_own():
    """`x._name` anywhere in the package but spacy_internals.py must name something the package
    itself defines (a function, class, module variable or attribute set on self): a new reach into
    spaCy's privates elsewhere fails here."""
    defined, used = set(), {}
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        defined |= set(re.findall(r"\b(?:def|class) (_\w+)", text))
        defined |= set(re.findall(r"self\.(_\w+)\s*[:=]", text)) | set(re.findall(r"^(_\w+)\s*[:=]", text, re.M))
        if path.name != "spacy_internals.py":
            for name in re.findall(r"\.(_[A-Za-z]\w*)", text):  # not `._.`: that is the public extension space
                used.setdefault(name, set()).add(str(path.relative_to(PACKAGE)))
    assert used  # the scan sees the package's own private names
    public_stdlib = {"_exit"}  # os._exit: documented, the only way a forked worker may leave at once
    assert {name: files for name, files in used.items() if name not in defined | public_stdlib} == {}


def test_link_components_connects_a_listener_to_its_tok2vec():
    nlp = spacy.blank("xx")
    tok2vec = nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    nlp.add_pipe("tagger", config={"model": {"@architectures": "spacy.Tagger.v2", "tok2vec": listener}})
    tok2vec.listener_map = {}
    link_components(nlp)
    assert list(tok2vec.listener_map) == ["tagger"]


def test_entity_ruler_key_is_the_match_key_the_ruler_uses():
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler", config={"ent_id_sep": "##"})
    ruler.add_patterns([{"label": "ORG", "id": "body", "pattern": [{"LOWER": "ofsted"}]},
                        {"label": "ORG", "pattern": "Council"}])
    doc = nlp.make_doc("Ofsted and the Council")
    keys = {nlp.vocab.strings[m_id] for m_id, _, _ in ruler.match(doc)}
    assert keys == {entity_ruler_key(ruler, "ORG", "body"), "ORG"} == {"ORG##body", "ORG"}


def test_require_patterns_warns_like_the_ruler():
    ruler = spacy.blank("xx").add_pipe("entity_ruler")
    with pytest.warns(UserWarning, match="W036"):
        require_patterns(ruler)
    ruler.add_patterns([{"label": "ORG", "pattern": "Ofsted"}])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        require_patterns(ruler)


def test_token_extension_values_are_the_values_set_on_tokens():
    if not Token.has_extension("internals_probe"):
        Token.set_extension("internals_probe", default=False)
    doc = spacy.blank("xx")("Mr Smith met Dr Jones")
    doc[0]._.internals_probe = True
    doc[3]._.internals_probe = True
    doc[3]._.internals_probe = "x"  # set twice: the last value
    assert sorted(token_extension_values(doc, "internals_probe")) == [(0, True), (doc[3].idx, "x")]
    assert [t._.internals_probe for t in doc] == [True, False, False, "x", False]
    assert list(token_extension_values(doc, "no_such_extension")) == []


def _parsed():
    # "The council appointed a director": appointed <- council (nsubj), director (dobj)
    words = ["The", "council", "appointed", "a", "director"]
    return Doc(spacy.blank("xx").vocab, words=words, heads=[1, 2, 2, 4, 2],
               deps=["det", "nsubj", "ROOT", "det", "dobj"])


PATTERN = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": "appointed"}},
           {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}]


def test_node_search_hook_is_what_the_dependency_matcher_calls():
    doc = _parsed()
    spacys = DependencyMatcher(doc.vocab)
    spacys.add("appoint", [PATTERN])

    class Default(NodeSearchDependencyMatcher):
        pass

    class Empty(NodeSearchDependencyMatcher):
        def find_nodes(self, doc):
            return {}

    default, empty = Default(doc.vocab), Empty(doc.vocab)
    default.add("appoint", [PATTERN])
    empty.add("appoint", [PATTERN])
    assert spacys(doc) and default(doc) == spacys(doc)
    assert empty(doc) == []  # the hook's answer is the one used: spaCy still calls it


def test_node_specs_name_the_keys_of_spacys_node_map():
    doc = _parsed()
    matcher = NodeSearchDependencyMatcher(doc.vocab)
    matcher.add("appoint", [PATTERN])
    specs = list(matcher.node_specs())
    key = doc.vocab.strings["appoint"]
    assert [(key, i, j, spec) for key, i, j, spec, _ in specs] == [
        (key, 0, 0, {"LOWER": "appointed"}), (key, 0, 1, {"DEP": "dobj"})]
    positions = DependencyMatcher._get_keys_to_position_maps(matcher, doc)
    assert dict(positions[2]) == {specs[0][4]: [2], specs[1][4]: [4]}  # root "appointed": its nodes


def test_our_subclasses_shadow_no_private_spacy_attribute():
    """The attributes our subclasses of spaCy classes add must not be names spaCy uses itself."""
    from pipeline.extract.relations import _ArrayDependencyMatcher
    from pipeline.nlp.components.windowed_ruler import WindowedAttributeRuler, WindowedEntityRuler

    overrides = {"_get_keys_to_position_maps"}  # the one hook replaced on purpose
    nlp = spacy.blank("xx")
    pairs = [(WindowedEntityRuler(nlp), EntityRuler(nlp)),
             (WindowedAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)),
             (_ArrayDependencyMatcher(nlp.vocab), DependencyMatcher(nlp.vocab))]
    for ours, theirs in pairs:
        defined = set()  # private names our classes define or assign on self
        for cls in type(ours).__mro__:
            if cls.__module__.startswith("pipeline."):
                defined |= {n for n in vars(cls) if n.startswith("_") and not n.startswith("__")}
                defined |= set(re.findall(r"self\.(_[a-z]\w*)\s*=", inspect.getsource(cls)))
        assert defined, type(ours).__name__  # the check does see our own attributes
        shadowing = (defined - overrides) & set(dir(theirs))
        assert not shadowing, f"{type(ours).__name__} redefines spaCy's {sorted(shadowing)}"


def test_module_docstrings_say_why():
    for name in ("link_components", "entity_ruler_key", "require_patterns", "token_extension_values",
                 "NodeSearchDependencyMatcher"):
        assert len(inspect.getdoc(getattr(spacy_internals, name)) or "") > 80, name
