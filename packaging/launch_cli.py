"""Frozen entry point of srs-wizard-cli (console): the commands, printing to the console."""

import sys

from srs_wizard.__main__ import main

sys.exit(main())
