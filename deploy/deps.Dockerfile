# The dependencies' image for deploy/compose.yaml: Debian's PostgreSQL 15, Redis (with Sentinel),
# RabbitMQ and nginx. For real users:  docker build -f deploy/deps.Dockerfile -t flashsale-deps deploy
# (deploy/container-test.sh instead imports a debootstrapped Debian with the same packages).
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      postgresql-15 redis-server redis-sentinel rabbitmq-server nginx-light procps \
 && rm -rf /var/lib/apt/lists/*
