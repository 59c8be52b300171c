/** The canvas sizes live with the one layout in shared/layout (the canvas and the export share it). */
export * from '../../shared/layout/geometry';
