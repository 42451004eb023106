// Placeholder: the browser e2e suite installs its own setup (build check, Chromium path) here.
export default function setup(): void {}
