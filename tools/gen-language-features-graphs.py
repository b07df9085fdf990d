"""Writes the graphs PyTorch builds for cli/src/test/resources/kiln/cli/run/language_features.py.

Each free function is scripted, and the module class's forward; the graphs go to language_features.graph.txt
beside the source, one `### name` section each (`### Helper.forward` for the module), as `graph` prints them.
LanguageFeaturesTest compares the graphs Kiln compiles from the same source with these.

  /tmp/torchenv/bin/python tools/gen-language-features-graphs.py
"""
import importlib
import inspect
import os
import sys
import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
import torch  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "src", "test", "resources", "kiln",
                    "cli", "run")


def main():
    source = os.path.join(HERE, "language_features.py")
    sys.path.insert(0, HERE)
    module = importlib.import_module("language_features")
    sections = []
    for name, value in vars(module).items():
        if inspect.isfunction(value) and value.__module__ == module.__name__:
            sections.append((name, torch.jit.script(value).graph))
        elif inspect.isclass(value) and issubclass(value, torch.nn.Module) and value.__module__ == module.__name__:
            sections.append((name + ".forward", torch.jit.script(value()).graph))
    text = "".join("### " + name + "\n" + str(graph).rstrip() + "\n\n" for name, graph in sections)
    text = text.replace(source, "language_features.py").replace(os.path.abspath(source), "language_features.py")
    with open(os.path.join(HERE, "language_features.graph.txt"), "w") as f:
        f.write(text.rstrip() + "\n")


if __name__ == "__main__":
    main()
