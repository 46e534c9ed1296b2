from shared.topology import HOPS, Topology, event_routing_key


def test_each_hop_has_a_quorum_queue_that_dead_letters_to_its_dlq():
    topology = Topology("js", (100, 1000))
    for hop, routing_key in HOPS.items():
        queue = topology.queue(hop)
        assert queue.arguments["x-queue-type"] == "quorum"
        assert queue.routing() == routing_key
        assert queue.arguments["x-dead-letter-exchange"] == topology.dead_letters.name
        dlq = topology.dead_letter_queue(hop)
        assert dlq.routing() == queue.arguments["x-dead-letter-routing-key"] == queue.name


def test_retry_queues_wait_longer_each_time_then_return_to_the_hop():
    topology = Topology("js", (100, 1000, 5000))
    retries = [topology.retry_queue("indexer", n) for n in (1, 2, 3)]
    assert [q.arguments["x-message-ttl"] for q in retries] == [100, 1000, 5000]
    assert {q.arguments["x-dead-letter-routing-key"] for q in retries} == {"js.indexer"}
    assert {q.arguments["x-dead-letter-exchange"] for q in retries} == {""}


def test_namespaces_never_share_a_name():
    a, b = Topology("a", (1,)), Topology("b", (1,))
    assert not set(a.all_queue_names()) & set(b.all_queue_names())
    assert a.events.name != b.events.name


def test_event_routing_key_lets_consumers_bind_by_type_country_seniority():
    assert event_routing_key("posting.created", "IN", "senior") == "posting.created.in.senior"
    assert event_routing_key("posting.closed", None, None) == "posting.closed.xx.unknown"
