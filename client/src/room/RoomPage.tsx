// Placeholder page, replaced by its feature. Routed by client/src/app/routes.tsx.
export default function RoomPage() {
  return <main><h1>RoomPage</h1></main>;
}
