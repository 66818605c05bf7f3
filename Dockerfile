# Verbatim in a container. Multi-stage: the build stage compiles the native modules
# (better-sqlite3) with the production dependencies only; the runtime stage has no compiler and
# runs as the unprivileged `node` user. `npm start` runs TypeScript through tsx, which is a
# runtime dependency, so there is no separate compile step.
#
#   docker build -t verbatim .
#   docker run --init -e DISCORD_TOKEN=… -e INTERACTIONS_PORT=8080 -e DISCORD_PUBLIC_KEY=… \
#     -p 8080:8080 -v verbatim-data:/app/data verbatim

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# node-gyp's needs, in case no prebuilt better-sqlite3 binary matches this platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
  CORPUS_DIR=/app/seeds \
  DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json tsconfig.json ./
COPY --chown=root:root src ./src
COPY --chown=root:root commands ./commands
COPY --chown=root:root seeds ./seeds
# The code is read-only for the bot; only its data folder is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# Alive = the process answers /healthz on the port it serves (INTERACTIONS_PORT, else HEALTH_PORT).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "const p=process.env.INTERACTIONS_PORT||process.env.HEALTH_PORT;if(!p)process.exit(0);fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself (not npm) is the main process, so SIGTERM reaches the bot's graceful shutdown.
CMD ["node", "--import", "tsx", "src/main.ts"]
