export * from "./card-snapshot";
export * from "./format-interval";
export * from "./schedule-review";
export * from "./settings";
export * from "./study-day";
