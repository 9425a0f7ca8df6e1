"""How a post of mosaic-synth's truth is matched with mosaic's output.

The truth names a Mastodon status by its number; mosaic keeps the id the
archive gives it, the status's URL ending in that number."""


def post_key(platform, native_id):
    """(platform, id) with a URL id cut to its last path segment."""
    if "/" in native_id:
        native_id = native_id.rstrip("/").rsplit("/", 1)[-1]
    return platform, native_id
