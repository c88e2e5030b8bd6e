"""The server-rendered web UI (readable without JavaScript; JS only enhances)."""
