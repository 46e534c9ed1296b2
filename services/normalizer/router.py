from functools import partial

from services.normalizer.dedup import Clusterer
from services.normalizer.handlers import normalize
from services.normalizer.ports import FingerprintStore
from shared.hop import Hop
from shared.messages import PostingFetched, PostingNormalized, PostingRef
from shared.topology import NORMALIZED


def normalizer_hop(
    fingerprints: FingerprintStore, clusters: Clusterer | None = None
) -> Hop[PostingFetched]:
    async def remember(result: PostingRef) -> None:
        assert isinstance(result, PostingNormalized)
        await fingerprints.remember(result.posting_id, result.version, result.fingerprint)

    return Hop(
        "normalizer",
        PostingFetched,
        partial(normalize, fingerprints=fingerprints, clusters=clusters),
        NORMALIZED,
        after_publish=remember,
    )
