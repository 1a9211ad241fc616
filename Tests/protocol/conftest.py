"""Shared fixtures for the protocol suites, which drive the real `recur` binary over ZeroMQ."""
