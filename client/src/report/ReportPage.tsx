// Placeholder page, replaced by its feature. Routed by client/src/app/routes.tsx.
export default function ReportPage() {
  return <main><h1>ReportPage</h1></main>;
}
