"""Files → validated catalog: the materials and editions read from materials/, checked against their schemas and
against each other, with the line of every field for error messages. load_catalog is the way in."""

from fanzha.model.catalog import Catalog, Edition, Material, Slogan, edition_materials, load_catalog

__all__ = ["Catalog", "Edition", "Material", "Slogan", "edition_materials", "load_catalog"]
