"""Prefect flows around the mbc-sr stages. The only place in the project that imports Prefect."""
