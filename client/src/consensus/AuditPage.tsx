// Placeholder page, replaced by its feature. Routed by client/src/app/routes.tsx.
export default function AuditPage() {
  return <main><h1>AuditPage</h1></main>;
}
