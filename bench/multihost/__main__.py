import sys

from bench.multihost import main

sys.exit(main())
