/**
 * The context menus' commands that reach into playback (renderer/actions/contextActions.ts lists
 * them): show a component in the Events list, and send a test message from a server. They live
 * here so actions/ does not import playback/.
 */
import { oneEntity, useScenarioRequest } from '../actions/contextActions';
import type { Action } from '../actions/registry';
import { t } from '../i18n';
import { locateEntity } from '../model/entities';
import { useUiStore } from '../store/uiStore';
import { usePlaybackStore } from './playbackStore';

export function playbackContextActions(): Action[] {
  return [
    {
      id: 'view.showInEvents',
      labelKey: 'actions.view.showInEvents',
      group: 'view',
      inMenu: false,
      enabled: (ctx) => oneEntity(ctx) !== null,
      perform: (ctx) => {
        const id = oneEntity(ctx);
        const plan = usePlaybackStore.getState().plan;
        const step = plan?.steps.find((s) => s.event.at === id || s.focus === id);
        if (!step) {
          useUiStore.getState().toast('info', t('contextMenu.notInEvents'));
          return;
        }
        usePlaybackStore.getState().goTo(step.index);
      },
    },
    {
      // Packet Tracer's "what uses this": every scenario whose simulated path touches the component,
      // run and checked; the Scenarios tab shows their pass/fail (or that none touches it).
      id: 'simulation.runTouching',
      labelKey: 'actions.simulation.runTouching',
      group: 'simulation',
      inMenu: false,
      enabled: (ctx) => oneEntity(ctx) !== null && ctx.doc.scenarios.length > 0,
      perform: (ctx) => {
        const id = oneEntity(ctx);
        if (!id) return;
        const count = usePlaybackStore.getState().checkTouching(id);
        useUiStore.getState().setRightTab('scenarios');
        if (count === 0) useUiStore.getState().toast('info', t('playback.touching.none', { name: locateEntity(ctx.doc, id)?.entity.name ?? id }));
      },
    },
    {
      id: 'simulation.sendFromHere',
      labelKey: 'actions.simulation.sendFromHere',
      group: 'simulation',
      inMenu: false,
      enabled: (ctx) => {
        const id = oneEntity(ctx);
        const kind = id ? locateEntity(ctx.doc, id)?.kind : null;
        return kind === 'server' || kind === 'external';
      },
      perform: (ctx) => {
        const id = oneEntity(ctx);
        if (!id) return;
        useUiStore.getState().setRightTab('scenarios');
        useScenarioRequest.setState((s) => ({ serverId: id, nonce: s.nonce + 1 }));
      },
    },
  ];
}
