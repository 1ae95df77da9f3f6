"""Adapters to the world outside: identity (token validation, demo identity provider), events."""
