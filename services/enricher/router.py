from services.enricher.handlers import enrich_message
from shared.hop import Hop
from shared.messages import PostingNormalized
from shared.topology import ENRICHED


def enricher_hop() -> Hop[PostingNormalized]:
    return Hop("enricher", PostingNormalized, enrich_message, ENRICHED)
