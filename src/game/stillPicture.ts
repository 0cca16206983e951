/**
 * One picture of what stands still, while something moves (the canvas
 * renderer). A level falling in one vessel and rising in another redrew the
 * whole room in every frame: the background, every drawing, every label.
 * Under CPU throttling ×4 a third of a transfer's frames came out at 33 ms
 * instead of 16.7 (npm run bench). Here the objects that stand still are
 * drawn once through the room's camera into a picture the size of the
 * canvas, shown under what moves while they are hidden; only what moves is
 * drawn in each frame. The picture holds only while nothing still changes:
 * the room takes it back before any change (a refresh, a ring, a layout, the
 * camera, a size) and takes a new one at its next frame if something still
 * moves.
 */
import Phaser from 'phaser';
import { overlapArea, type Box } from './layout';

const KEY = 'still-room';

/** A game object that can be hidden (every one the display list draws). */
type Hideable = Phaser.GameObjects.GameObject & { setVisible(v: boolean): unknown; depth: number };

export class StillPicture {
  private image: Phaser.GameObjects.Image | null = null;
  private hidden: Phaser.GameObjects.GameObject[] = [];
  /** Taken (even when there was nothing worth a picture): nothing to do until dropped. */
  private held = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly camera: Phaser.Cameras.Scene2D.Camera,
  ) {}

  get taken(): boolean {
    return this.held;
  }

  /** The picture is on screen in place of the still objects. */
  get shown(): boolean {
    return this.image !== null;
  }

  /**
   * Draws the still objects into one picture shown under everything that
   * moves. `moves` says what moves; an object drawn after one that moves and
   * overlapping it (by `boxOf`, in the room's units; null: not known, taken
   * to overlap everything) is drawn live as well, so that the picture below
   * changes nothing of the order in which things cover each other.
   */
  take(moves: (go: Phaser.GameObjects.GameObject) => boolean, boxOf: (go: Phaser.GameObjects.GameObject) => Box | null) {
    this.drop();
    this.held = true;
    const renderer = this.scene.game.renderer as Phaser.Renderer.Canvas.CanvasRenderer | null;
    if (!renderer || renderer.type !== Phaser.CANVAS) return;
    const cam = this.camera;
    const list = this.scene.children;
    list.depthSort();
    const live: (Box | null)[] = [];
    const still: Phaser.GameObjects.GameObject[] = [];
    for (const go of list.getChildren()) {
      if (!go.willRender(cam)) continue;
      const own = moves(go);
      if (!own && !live.length) {
        still.push(go);
        continue;
      }
      const box = boxOf(go);
      if (own || box === null || live.some((l) => l === null || overlapArea(l, box) > 0)) live.push(box);
      else still.push(go);
    }
    // nothing moves, or everything does: no picture to gain
    if (live.length === 0 || still.length < 2) return;
    const w = renderer.width;
    const h = renderer.height;
    const textures = this.scene.textures;
    let texture = textures.exists(KEY) ? (textures.get(KEY) as Phaser.Textures.CanvasTexture) : null;
    if (texture && (texture.width !== w || texture.height !== h)) {
      textures.remove(KEY);
      texture = null;
    }
    texture ??= textures.createCanvas(KEY, w, h);
    if (!texture) return;
    const ctx = texture.getContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    // the renderer draws a camera's objects into the scene's context: the picture's, for these
    const sys = this.scene.sys as unknown as { context: CanvasRenderingContext2D };
    const own = sys.context;
    sys.context = ctx;
    try {
      renderer.render(this.scene, still, cam);
    } finally {
      sys.context = own;
      renderer.currentContext = renderer.gameContext;
    }
    texture.refresh();
    const view = cam.worldView;
    const under = Math.min(...still.map((go) => (go as Hideable).depth)) - 1;
    this.image = this.scene.add.image(view.x, view.y, KEY).setOrigin(0, 0).setScale(1 / cam.zoom).setDepth(under);
    for (const go of still) {
      (go as Hideable).setVisible(false);
      this.hidden.push(go);
    }
  }

  /** Shows the still objects again, drawn as they are now. */
  drop() {
    this.held = false;
    this.image?.destroy();
    this.image = null;
    for (const go of this.hidden.splice(0)) if (go.active) (go as Hideable).setVisible(true);
  }

  /** Gives the pictures' canvases back (the room leaves). */
  destroy() {
    this.drop();
    const textures = this.scene.textures as Phaser.Textures.TextureManager | undefined;
    if (textures?.exists(KEY)) textures.remove(KEY);
  }
}
