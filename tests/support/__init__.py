"""Test infrastructure shared by tests and benchmarks (the NCBI E-utilities stand-in)."""
