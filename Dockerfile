# syntax=docker/dockerfile:1
# Tirelire: the PWA built by vite, served by the sync-server (uWebSockets.js).
# node:20 on Debian (glibc): uWebSockets.js ships native binaries for Node 20's ABI only, and
# silently falls back to a slow pure-JS server on anything else (the server refuses to start).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY client/package.json client/
COPY sync-server/package.json sync-server/
COPY models/package.json models/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared ./shared
COPY --from=build /app/sync-server ./sync-server
COPY --from=build /app/dist/client ./dist/client
# Used only by the embedded store (no REDIS_URL); owned by the unprivileged user it runs as.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
# The start script execs tsx, so SIGTERM from `docker stop` reaches the server (graceful stop).
CMD ["npm", "run", "-w", "sync-server", "start"]
