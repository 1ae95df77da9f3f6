"""asynchronous check-ins: each party's part, the closing, goal adjustments awaiting approval, successes

Revision ID: c4e8b2a61f07
Revises: e5d7a3c1b2f4
Create Date: 2026-12-07 17:40:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.sealed
import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'c4e8b2a61f07'
down_revision = "e5d7a3c1b2f4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('checkin_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('party', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('goals', plugin.storage.sealed.SealedJSON(), nullable=True),
    sa.Column('blockers', plugin.storage.sealed.SealedText(), nullable=False),
    sa.Column('pulse_score', sa.Integer(), nullable=True),
    sa.Column('pulse_comment', plugin.storage.sealed.SealedText(), nullable=False),
    sa.Column('pulse_shared', sa.Boolean(), nullable=False),
    sa.Column('next_steps', plugin.storage.sealed.SealedText(), nullable=False),
    sa.Column('created_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('done_at', plugin.storage.types.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_checkin_responses_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_checkin_responses_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_responses')),
    sa.UniqueConstraint('conversation_id', 'party', name=op.f('uq_checkin_responses_conversation_id'))
    )
    with op.batch_alter_table('checkin_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_responses_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('checkin_closures',
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('closed_by_id', sa.Integer(), nullable=False),
    sa.Column('closed_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_id'], ['people.id'], name=op.f('fk_checkin_closures_closed_by_id_people')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_checkin_closures_conversation_id_conversations')),
    sa.PrimaryKeyConstraint('conversation_id', name=op.f('pk_checkin_closures'))
    )

    op.create_table('goal_adjustments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('checkin_id', sa.Integer(), nullable=True),
    sa.Column('proposed_by_id', sa.Integer(), nullable=False),
    sa.Column('changes', plugin.storage.sealed.SealedJSON(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('created_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('applied_at', plugin.storage.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['checkin_id'], ['conversations.id'], name=op.f('fk_goal_adjustments_checkin_id_conversations')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_goal_adjustments_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_adjustments_goal_id_goals')),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['people.id'], name=op.f('fk_goal_adjustments_proposed_by_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_adjustments'))
    )
    with op.batch_alter_table('goal_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_adjustments_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_adjustments_goal_id'), ['goal_id'], unique=False)

    op.create_table('goal_successes',
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('note', plugin.storage.sealed.SealedText(), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('marked_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_goal_successes_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_successes_goal_id_goals')),
    sa.ForeignKeyConstraint(['marked_by_id'], ['people.id'], name=op.f('fk_goal_successes_marked_by_id_people')),
    sa.PrimaryKeyConstraint('goal_id', name=op.f('pk_goal_successes'))
    )


def downgrade():
    op.drop_table('goal_successes')
    with op.batch_alter_table('goal_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_adjustments_goal_id'))
        batch_op.drop_index(batch_op.f('ix_goal_adjustments_conversation_id'))
    op.drop_table('goal_adjustments')
    op.drop_table('checkin_closures')
    with op.batch_alter_table('checkin_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkin_responses_conversation_id'))
    op.drop_table('checkin_responses')
