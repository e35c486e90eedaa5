"""Dumps the flags of one azure-cli command with their value arity, as azure-cli's own parser has them.

Run with an azure-cli from PyPI (the version is recorded in core/src/aks/az_flags.rs):
    python3 -m venv /tmp/azvenv && /tmp/azvenv/bin/pip install azure-cli==2.91.0
    /tmp/azvenv/bin/python scripts/az-flags/dump.py "aks create" > create.json
One command per process: azure-cli's parser refuses to load a second command table.
"""
import argparse
import json
import sys

from azure.cli.core import get_default_cli


def arity(action):
    if action.nargs == 0 or isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction,
                                                argparse._StoreConstAction, argparse._HelpAction)):
        return 'switch'
    return {None: 'one', 1: 'one', '?': 'optional', '+': 'many', '*': 'any'}.get(action.nargs, 'one')


def main(command):
    cli = get_default_cli()
    invoker = cli.invocation_cls(cli_ctx=cli, parser_cls=cli.parser_cls,
                                 commands_loader_cls=cli.commands_loader_cls, help_cls=cli.help_cls)
    cli.invocation = invoker
    words = command.split()
    invoker.data['command_string'] = command
    loader = invoker.commands_loader
    loader.load_command_table(words)
    loader.command_name = command
    loader.load_arguments(command)
    invoker.parser.load_command_table(loader)
    parser = invoker.parser.subparsers[tuple(words[:-1])].choices[words[-1]]
    rows = [{'options': list(a.option_strings), 'arity': arity(a),
             'hidden': a.help == argparse.SUPPRESS}
            for a in parser._actions if a.option_strings]
    # azure-cli adds --subscription to every command with a subscription id part at invocation time.
    rows.append({'options': ['--subscription'], 'arity': 'one', 'hidden': False})
    json.dump({command: rows}, sys.stdout, indent=1)


if __name__ == '__main__':
    main(sys.argv[1])
