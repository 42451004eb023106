import { useRoom } from './RoomContext';

/** The rubric's header row: the general definition of each stage, patterned like its card. */
export function StageDefinitions() {
  const { rubric } = useRoom();
  return (
    <details className="stage-defs">
      <summary>{rubric.stagesHeading ?? 'Stages of development'}</summary>
      <dl>
        {rubric.stages.map((s, i) => (
          <div key={s.id} className={`stage-defs__item stage-pattern-${i % 4}`}>
            <dt>{s.label}</dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
