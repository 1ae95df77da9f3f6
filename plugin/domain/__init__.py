"""The MUS domain: rules, lifecycles and permissions. Standard library only."""
