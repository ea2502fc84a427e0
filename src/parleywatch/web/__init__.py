"""The web pages: Jinja2 templates, local static assets and server-side SVG charts."""

from parleywatch.web.charts import legend, timeline, weekly_heatmap

__all__ = ["legend", "timeline", "weekly_heatmap"]
