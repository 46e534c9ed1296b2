from services.indexer.batcher import Batcher
from shared.hop import Hop
from shared.messages import PostingEnriched


def indexer_hop(batcher: Batcher[PostingEnriched]) -> Hop[PostingEnriched]:
    async def index(msg: PostingEnriched) -> None:
        await batcher.submit(msg)

    return Hop("indexer", PostingEnriched, index)
