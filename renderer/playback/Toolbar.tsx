/** Top-bar entry point of the playback feature: the Present toggle (and its host). */
import { PresentButton, PresentHost } from './PresentMode';

export function PlaybackToolbar() {
  return (
    <>
      <PresentButton />
      <PresentHost />
    </>
  );
}
