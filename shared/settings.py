"""Settings shared by every service: pydantic-settings, env prefix ``JOBSTREAM_``, typed URLs."""

from pydantic import AmqpDsn, Field, MongoDsn, RedisDsn, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBSTREAM_", extra="ignore")

    amqp_url: AmqpDsn = Field(AmqpDsn("amqp://guest:guest@127.0.0.1:5672/"), description="RabbitMQ")
    redis_url: RedisDsn = Field(RedisDsn("redis://127.0.0.1:6379/0"), description="Redis")
    namespace: str = Field(
        "jobstream",
        pattern=r"^[a-z0-9][a-z0-9_.-]{0,62}$",
        description="Prefix of every exchange, queue and Redis key: one stack per namespace.",
    )
    log_level: str = Field("INFO", description="Python log level name")
    log_format: str = Field("json", pattern="^(json|console)$")
    http_host: str = Field("127.0.0.1", description="Address the health/metrics endpoint binds")
    http_port: int = Field(8000, ge=0, le=65535)
    prefetch: int = Field(64, ge=1, le=5000, description="Unacked deliveries per consumer")
    retry_delays_ms: list[int] = Field(
        [500, 2_000, 10_000],
        description="Delay before each retry of a failed message; after the last, dead-letter.",
    )
    graceful_timeout_s: float = Field(15.0, description="SIGTERM: time to drain in-flight work")
    intake_max_length: int = Field(
        100_000,
        ge=1,
        description="Postings the intake queue holds; past it the gateway answers 503",
    )

    @field_validator("retry_delays_ms")
    @classmethod
    def _delays_positive(cls, value: list[int]) -> list[int]:
        if not value or any(d <= 0 for d in value):
            raise ValueError("retry_delays_ms needs at least one positive delay")
        return value


class MongoSettings(ServiceSettings):
    mongo_url: MongoDsn = Field(MongoDsn("mongodb://127.0.0.1:27017/"), description="MongoDB")
    mongo_database: str = Field("jobstream", description="Database holding `postings`")
