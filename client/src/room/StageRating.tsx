import { useId } from 'react';
import { NOT_SURE } from '../../../shared/domain';
import type { RubricDimension } from '../../../rubric/schema';
import { useRoom } from './RoomContext';
import { breakableAfterSlashes } from './stageLabelBreaks';

interface Props {
  dimension: RubricDimension;
  value: string | null;
  onChange: (stage: string) => void;
  allowNotSure: boolean;
  disabled: boolean;
}

/**
 * My rating, chosen on the stage cards themselves. Native radios in one group give arrow-key
 * navigation for free; each is named by the stage label alone (the card's description is its
 * description, not part of its name), and the whole card is the click target.
 */
export function StageRating({ dimension, value, onChange, allowNotSure, disabled }: Props) {
  const { rubric } = useRoom();
  const groupId = useId();
  const name = `stage-${dimension.id}`;
  return (
    <div role="radiogroup" aria-labelledby={`${groupId}-label`} className="stage-cards">
      <h3 id={`${groupId}-label`} className="stage-cards__heading">
        My rating
      </h3>
      {rubric.stages.map((stage, index) => {
        const descId = `${groupId}-${stage.id}`;
        const label = dimension.stageLabels?.[stage.id];
        return (
          <label key={stage.id} className={`stage-card stage-pattern-${index % 4}`} data-checked={value === stage.id || undefined}>
            <span className="stage-card__top">
              <input
                type="radio"
                name={name}
                value={stage.id}
                checked={value === stage.id}
                disabled={disabled}
                aria-label={stage.label}
                aria-describedby={descId}
                onChange={() => onChange(stage.id)}
              />
              <span className="stage-card__label" aria-hidden="true">
                {breakableAfterSlashes(stage.label)}
              </span>
              {value === stage.id && <span className="stage-card__mine">Your rating</span>}
            </span>
            <span id={descId} className="stage-card__text">
              {label && <strong className="stage-card__tag">{label} </strong>}
              {dimension.stages[stage.id]}
            </span>
          </label>
        );
      })}
      {allowNotSure && (
        <label className="stage-card stage-card--not-sure" data-checked={value === NOT_SURE || undefined}>
          <span className="stage-card__top">
            <input
              type="radio"
              name={name}
              value={NOT_SURE}
              checked={value === NOT_SURE}
              disabled={disabled}
              aria-label="Not sure"
              onChange={() => onChange(NOT_SURE)}
            />
            <span className="stage-card__label" aria-hidden="true">
              Not sure
            </span>
            {value === NOT_SURE && <span className="stage-card__mine">Your rating</span>}
          </span>
        </label>
      )}
    </div>
  );
}

