// Placeholder page, replaced by its feature. Routed by client/src/app/routes.tsx.
export default function ProjectorPage() {
  return <main><h1>ProjectorPage</h1></main>;
}
