// One file per concept; this barrel is what drizzle-kit and the repositories import.
export * from './audit';
export * from './auth';
export * from './consensus';
export * from './report';
export * from './room';
export * from './sync';
export * from './workshops';
