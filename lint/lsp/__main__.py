import sys

from lint.lsp.server import main

sys.exit(main())
