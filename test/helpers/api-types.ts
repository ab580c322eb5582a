/**
 * The body a route answers, found from the method and the URL a test requests, so `h.request`
 * types its response without the test naming it: the types are the console's, generated from the
 * route schemas (web/src/api.generated.ts), so a test that reads a field the route does not send
 * fails the type check. A URL the API document does not describe answers `unknown`: the test names
 * the body's type (`h.request<BodyOf<'GET', …>>`, or a small interface for a route outside the API).
 */
import type { paths } from '../../web/src/api.generated.js';

type Path = keyof paths;
type Method = 'get' | 'put' | 'post' | 'delete';

type Segments<Url extends string> = Url extends `${infer Head}/${infer Rest}` ? [Head, ...Segments<Rest>] : [Url];

/** Each segment of the URL equals the template's, or stands where the template has a `{parameter}`. */
type SegmentsMatch<Url extends string[], Template extends string[]> = Url extends [infer U extends string, ...infer UrlRest extends string[]]
  ? Template extends [infer T extends string, ...infer TemplateRest extends string[]]
    ? (T extends `{${string}}` ? true : [U] extends [T] ? true : false) extends true
      ? SegmentsMatch<UrlRest, TemplateRest>
      : false
    : false
  : Template extends [] ? true : false;

type WithoutQuery<Url extends string> = Url extends `${infer Before}?${string}` ? Before : Url;

/** The API document's path that `Url` (a literal, or a template with `${string}` holes) requests. */
export type TemplateOf<Url extends string> = {
  [P in Path]: SegmentsMatch<Segments<WithoutQuery<Url>>, Segments<P>> extends true ? P : never;
}[Path];

type SuccessStatus = 200 | 201 | 202 | 204;


type OperationOf<M extends string, Url extends string> =
  [TemplateOf<Url>] extends [never]
    ? never
    : Lowercase<M> extends Method
      ? paths[TemplateOf<Url>][Lowercase<M>] extends infer Op
        ? Op extends { responses: unknown }
          ? Op
          : never
        : never
      : never;

type SuccessBody<Op extends { responses: unknown }> = {
  [S in keyof Op['responses'] & SuccessStatus]: Op['responses'][S] extends { content: { 'application/json': infer Body } } ? Body : never;
}[keyof Op['responses'] & SuccessStatus];

// `unknown` for a URL the document does not match (a plain `string` built out of sight): the test then
// names its route (a template-literal URL) or its type before reading a field.
type OrUnknown<T> = [T] extends [never] ? unknown : T;

/** What `method url` answers on success; `unknown` for a URL the API document does not describe, or a route that answers no JSON (a 204). */
export type BodyOf<M extends string, Url extends string> = OrUnknown<[OperationOf<M, Url>] extends [never] ? never : SuccessBody<OperationOf<M, Url>>>;

/** A request's body type: the one the caller names, else the route's (`T` left out is `never`). */
export type Answer<T, M extends string, Url extends string> = [T] extends [never] ? BodyOf<M, Url> : T;

/**
 * The OpenAPI document the app serves (`GET /api/0/openapi.json`, which the document leaves out of
 * itself): the parts tests read.
 */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface OpenApiOperation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
}
