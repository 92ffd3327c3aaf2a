"""Reporting: exports of records (RIS, ...) and, later, PRISMA counts and diagrams."""
