"""Every Cypher query malikg runs, one per `.cypher` file, shipped as package data.

Read them by name with `graph.queries.load_query`, never by path: an installed malikg finds them in its own
package (`importlib.resources`), not beside a checkout.
"""
