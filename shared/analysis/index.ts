/**
 * `analyze` and its differential (cli.md, "Version 2 additions"): every kind of message a design
 * can see, by equivalence classes; and what differs between two designs, dates or presets.
 */
export * from './classes';
export * from './analyze';
export * from './differential';
export * from './guards';
export * from './text';
