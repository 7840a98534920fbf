"""All user-facing Chinese wording lives in fanzha/messages.py: no other module writes a Chinese sentence, and every
message there is said somewhere."""

import ast
import re
import string

from helpers import REPO

from fanzha import messages

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PACKAGE = REPO / "fanzha"



def chinese_literals(path):
    """(line, text) of each string literal holding a Chinese character, docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and HAN.search(node.value)]


def test_no_module_but_messages_writes_chinese_wording():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name == "messages.py":
            continue
        found += [f"fanzha/{name}:{line}: {text[:60]!r}" for line, text in chinese_literals(path)]
    assert not found, "move these into fanzha/messages.py:\n" + "\n".join(found)



def wordings():
    for name, value in vars(messages).items():
        if name.isupper() and isinstance(value, (str, messages.Message)):
            yield name, value


def test_every_message_is_said_somewhere_and_its_fields_are_plain_names():
    code = "\n".join(path.read_text("utf-8") for path in PACKAGE.rglob("*.py") if path.name != "messages.py")
    unused, odd = [], []
    for name, value in wordings():
        if not re.search(rf"\b{name}\b", code):
            unused.append(name)
        texts = [value.what, value.fix] if isinstance(value, messages.Message) else [value]
        for text in texts:
            for _, field, spec, conversion in string.Formatter().parse(text):
                if field is not None and not field.isidentifier():
                    odd.append(f"{name}: {{{field}}}")
    assert not unused, f"messages nobody says: {unused}"
    assert not odd, f"fields must be names, given by keyword: {odd}"
