"""The web interface: a JSON API and server-rendered pages over a store (``storyline serve``).

Build the application with :func:`create_app` and run it with any ASGI server::

    from storyline.web import create_app
    app = create_app("storyline.db")            # read-only
"""

from storyline.web.app import create_app

__all__ = ["create_app"]
