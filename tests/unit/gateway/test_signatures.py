"""Signature schemes on raw bytes: valid, wrong, expired, rotated."""

import base64
import hashlib
import hmac

import pytest

from services.gateway.signatures import SignatureError, sign_standard, standard_key, verify

BODY = b'{"action":"job_post_created","payload":{"job_post":{"id":1}}}'
NOW = 1_767_225_600
SECRET = "whsec_" + base64.b64encode(b"sixteen byte key").decode()


def standard(secret: str = SECRET, ts: int = NOW, msg_id: str = "msg_1") -> dict[str, str]:
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign_standard(secret, msg_id, ts, BODY),
    }


def check(scheme: str, headers: dict[str, str], secrets=(SECRET,), body: bytes = BODY):
    return verify(scheme, headers, body, list(secrets), now=NOW, tolerance_s=300)


def test_standard_webhooks_matches_the_spec_construction():
    # The spec signs "<id>.<timestamp>.<body>" with the base64-decoded whsec_ key.
    mac = hmac.new(b"sixteen byte key", b"msg_1.%d." % NOW + BODY, hashlib.sha256).digest()
    assert standard()["webhook-signature"] == "v1," + base64.b64encode(mac).decode()
    assert check("standard-webhooks", standard()).delivery_id == "msg_1"


def test_standard_webhooks_accepts_any_listed_signature_and_any_current_secret():
    old = "whsec_" + base64.b64encode(b"the old one").decode()
    headers = standard(old)
    headers["webhook-signature"] = "v1,bm9wZQ== " + headers["webhook-signature"]
    assert check("standard-webhooks", headers, secrets=(SECRET, old)).delivery_id == "msg_1"
    with pytest.raises(SignatureError) as error:
        check("standard-webhooks", headers, secrets=(SECRET,))
    assert error.value.field == "webhook-signature"


@pytest.mark.parametrize("skew", [-301, 301])
def test_standard_webhooks_refuses_a_timestamp_outside_the_tolerance(skew):
    with pytest.raises(SignatureError) as error:
        check("standard-webhooks", standard(ts=NOW + skew))
    assert error.value.field == "webhook-timestamp"


def test_standard_webhooks_signature_covers_the_id_and_body():
    headers = {**standard(), "webhook-id": "msg_2"}
    with pytest.raises(SignatureError):
        check("standard-webhooks", headers)
    with pytest.raises(SignatureError):
        check("standard-webhooks", standard(), body=BODY + b" ")


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_a_missing_header_is_named(missing):
    headers = standard()
    del headers[missing]
    with pytest.raises(SignatureError) as error:
        check("standard-webhooks", headers)
    assert error.value.field == missing


@pytest.mark.parametrize(
    ("scheme", "header", "prefix"),
    [("greenhouse", "signature", "sha256 "), ("ashby", "ashby-signature", "sha256=")],
)
def test_hex_schemes(scheme, header, prefix):
    digest = hmac.new(b"s3cret", BODY, hashlib.sha256).hexdigest()
    assert check(scheme, {header: prefix + digest}, secrets=("new", "s3cret")).delivery_id is None
    for bad in (prefix + "0" * 64, digest, prefix + digest[:-1]):
        with pytest.raises(SignatureError) as error:
            check(scheme, {header: bad}, secrets=("s3cret",))
        assert error.value.field == header


def test_a_secret_without_the_whsec_prefix_is_used_as_bytes():
    assert standard_key("plain") == b"plain"
    assert standard_key("whsec_not*base64") == b"whsec_not*base64"
