/** Sizes and default places of canvas nodes (flow coordinates). */
export const GRID = 20;
export const CHILD_W = 220;
export const CHILD_H = 88;
export const CHILD_GAP = 14;
export const TENANT_PAD = 16;
export const TENANT_HEADER = 92;
export const TENANT_MIN_W = 280;
export const TENANT_EMPTY_H = 170;
export const SERVER_W = 230;
export const SERVER_H = 100;
export const FRONT_DOOR_W = 190;
export const FRONT_DOOR_H = 76;
export const INTERNET_W = 170;
export const INTERNET_H = 76;
export const ZONE_PAD = 36;
export const ZONE_HEADER = 34;

/** Where default layout starts each column. */
export const COLUMN_X = { servers: 40, frontDoor: 400, tenants: 640 } as const;
export const TOP_Y = 80;
/** Tenants wrap into a new column below this height (1,000-node documents stay viewable). */
export const TENANT_COLUMN_MAX_H = 2600;
