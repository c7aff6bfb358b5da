// The Ingestion page's shapes: the server's OpenAPI schemas (IngestorController), so a change there is a type error here.
import type { components } from '@/shared/api-client/openapi';

type Schemas = components['schemas'];

export type IngestorStats = Schemas['IngestorStats'];
export type IngestorSimulation = Schemas['IngestorSimulation'];
export type IngestorPoint = Schemas['IngestorPoint'];
export type IngestorSeries = Schemas['IngestorSeries'];
export type IngestedMessage = Schemas['IngestedMessage'];
export type IngestorMessages = Schemas['IngestorMessages'];
