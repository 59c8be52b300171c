/**
 * electron-builder configuration: installers for Windows (NSIS), macOS (dmg) and Linux (AppImage,
 * deb), the `.mailflow.json` file association, icons from build/, and Electron fuses.
 *
 * Build installers on a machine with internet (electron-builder downloads Electron and its tools):
 *   npm run build && npx electron-builder --config electron-builder.config.ts --linux   # or --win / --mac
 * Offline check of the packed contents: npm run package:smoke (scripts/package-smoke.mjs).
 */
import type { Configuration } from 'electron-builder';

export const DOCUMENT_MIME_TYPE = 'application/vnd.mailflow.topology+json';

const config: Configuration = {
  appId: 'com.mailflow.studio',
  productName: 'Mailflow Studio',
  executableName: 'mailflow-studio',
  copyright: 'Copyright © Mailflow Studio contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Only the build output: main and preload bundle their dependencies, the renderer is a Vite build.
  files: ['out/**/*', 'package.json', '!**/*.map', '!node_modules/**/*'],
  asar: true,
  npmRebuild: false,
  nodeGypRebuild: false,
  includePdb: false,
  fileAssociations: [
    {
      // Windows and macOS match associations on the last extension; Linux matches the full glob.
      ext: 'mailflow.json',
      name: 'Mailflow topology',
      description: 'Mailflow Studio topology',
      mimeType: DOCUMENT_MIME_TYPE,
      role: 'Editor',
      icon: 'icon',
    },
  ],
  // Electron security checklist item 19 (https://www.electronjs.org/docs/latest/tutorial/fuses).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // Pages are served from app://, never file://, so file:// needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.icns',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { title: '${productName} ${version}' },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Development',
    synopsis: 'Design hybrid Exchange Online mail topologies and simulate mail flow',
    mimeTypes: [DOCUMENT_MIME_TYPE],
    maintainer: 'Mailflow Studio contributors',
  },
  deb: { priority: 'optional' },
};

export default config;
