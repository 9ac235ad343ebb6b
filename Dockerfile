# The Parley app for docker-compose.yml: the server and the built viewer. Neo4j runs in its own
# container (NEO4J_URI), so this image needs no Java.

# Build stage: all dependencies, then the viewer into dist/web.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build

# Runtime stage: production dependencies (tsx runs the TypeScript sources), the sources, the viewer.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY cli ./cli
COPY db/*.ts ./db/
COPY curation ./curation
COPY domain ./domain
COPY ingest ./ingest
COPY server ./server
COPY samples ./samples
COPY tsconfig.json ./
COPY --from=build /app/dist/web ./dist/web
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/parley.mjs", "serve", "--host", "0.0.0.0"]
