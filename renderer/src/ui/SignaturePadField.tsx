import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import SignaturePad, { type PointGroup } from 'signature_pad';
import './signature-pad.css';
import { FieldError } from './FieldError';

/** What a form may do with the box: move the focus to it, as to any field in error. */
export type SignaturePadHandle = { readonly focus: () => void };

type Props = {
  readonly ref?: Ref<SignaturePadHandle>;
  /** Called with the drawing as a PNG data URL (undefined when the box is empty), and how many strokes drew it. */
  readonly onChange: (pngDataUrl: string | undefined, strokeCount: number) => void;
  readonly error?: string | undefined;
  /** Whose signature it is, as the label says it: "Your signature" unless told. */
  readonly label?: string;
};

const width = 480;
const height = 160;
const step = 4;
const bigStep = 20;

/**
 * A drawn signature: the author's on a contact form (DESIGN: signed PDFs), a visitor's on the
 * visiting protocol at the door. A mouse, pen or finger draws on the canvas
 * (signature_pad). With the keyboard the same box is a pen you steer: Space puts it down or lifts
 * it, the arrow keys move it (Shift for bigger steps), so someone who cannot use a pointer still
 * draws their own mark rather than typing a name. What makes the form theirs in law is the digital
 * signature made with their own key after they enter their password; the drawing is the familiar
 * mark on the printed copy.
 */
export function SignaturePadField({ ref, onChange, error, label = 'Your signature' }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => canvasRef.current?.focus() }), []);
  const padRef = useRef<SignaturePad | undefined>(undefined);
  const cursor = useRef({ x: 40, y: height / 2, isDown: false });
  const [penState, setPenState] = useState('Pen lifted');
  const id = useId();

  // The latest onChange, so a caller passing a new function each render does not make a new pad
  // (which would wipe what was drawn).
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const report = useCallback(() => {
    const pad = padRef.current;
    onChangeRef.current(
      pad && !pad.isEmpty() ? pad.toDataURL('image/png') : undefined,
      pad?.toData().length ?? 0,
    );
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(20,20,60)' });
    padRef.current = pad;
    pad.addEventListener('endStroke', report);
    return () => {
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = undefined;
    };
  }, [report]);

  const drawKeyboardPoint = (startGroup: boolean) => {
    const pad = padRef.current;
    if (!pad) return;
    const groups: PointGroup[] = pad.toData();
    const point = { x: cursor.current.x, y: cursor.current.y, pressure: 0.5, time: Date.now() };
    const last = groups[groups.length - 1];
    if (startGroup || !last)
      groups.push({
        penColor: 'rgb(20,20,60)',
        dotSize: 0,
        minWidth: 0.5,
        maxWidth: 2.5,
        velocityFilterWeight: 0.7,
        compositeOperation: 'source-over',
        points: [point],
      });
    else last.points.push(point);
    pad.fromData(groups);
    report();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    if (event.key === ' ') {
      event.preventDefault();
      cursor.current.isDown = !cursor.current.isDown;
      setPenState(
        cursor.current.isDown
          ? 'Pen down: the arrow keys draw'
          : 'Pen lifted: the arrow keys move without drawing',
      );
      if (cursor.current.isDown) drawKeyboardPoint(true);
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const distance = event.shiftKey ? bigStep : step;
    cursor.current.x = Math.min(width - 4, Math.max(4, cursor.current.x + move[0] * distance));
    cursor.current.y = Math.min(height - 4, Math.max(4, cursor.current.y + move[1] * distance));
    if (cursor.current.isDown) drawKeyboardPoint(false);
  };

  const clear = () => {
    padRef.current?.clear();
    cursor.current = { x: 40, y: height / 2, isDown: false };
    setPenState('Pen lifted');
    onChangeRef.current(undefined, 0);
  };

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <p className="field__label" id={`${id}-label`}>
        {label}
      </p>
      <p className="field__hint" id={`${id}-hint`}>
        Draw the signature in the box with a mouse, pen or finger. Using the keyboard: move to the box, press
        Space to put the pen down or lift it, and steer it with the arrow keys (hold Shift for bigger steps).
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <canvas
        ref={canvasRef}
        width={width}
        height={height}
        className="signature-pad"
        tabIndex={0}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={[`${id}-hint`, `${id}-pen`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onKeyDown={onKeyDown}
      />
      <p className="muted" id={`${id}-pen`} aria-live="polite">
        {penState}
      </p>
      <div>
        <button type="button" className="button button--secondary" onClick={clear}>
          Clear the signature
        </button>
      </div>
    </div>
  );
}
