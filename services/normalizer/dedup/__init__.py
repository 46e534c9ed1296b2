"""Duplicates across boards (issue 8): one cluster per job, whichever sources sent it.

``Clusterer.assign`` gives each posting its cluster and the evidence; ``canonical_url`` is the
URL form used for matching; a ``ClusterIndex`` (Redis for the services, memory offline) keeps
what has been seen.
"""

from services.normalizer.dedup.canonical import canonical_url
from services.normalizer.dedup.clusterer import Clusterer, cluster_id_for
from services.normalizer.dedup.index import ClusterIndex, MemoryClusterIndex, RedisClusterIndex
from services.normalizer.dedup.record import ClusterLockTimeout

__all__ = [
    "ClusterIndex",
    "ClusterLockTimeout",
    "Clusterer",
    "MemoryClusterIndex",
    "RedisClusterIndex",
    "canonical_url",
    "cluster_id_for",
]
